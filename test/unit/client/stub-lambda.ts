// A LambdaClient whose `send` is stubbed: records each InvokeCommand and answers with what the test scripts.
import { LambdaClient, type InvokeCommand } from '@aws-sdk/client-lambda';

/** What the stub answers: the InvokeCommand output fields the client reads, or a thrown error. */
export interface StubOutput {
  StatusCode?: number;
  FunctionError?: string;
  /** JSON-encoded as the payload unless it is already bytes. */
  payload?: unknown;
}

/** A stubbed LambdaClient, the commands it received, and the events they carried (parsed). */
export interface StubLambda {
  lambda: LambdaClient;
  commands: InvokeCommand[];
  events(): unknown[];
}

/** Creates a LambdaClient whose `send` calls `answer` instead of the network. */
export function stubLambda(answer: (command: InvokeCommand) => StubOutput | Promise<StubOutput>): StubLambda {
  const lambda = new LambdaClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const commands: InvokeCommand[] = [];
  const send = async (command: InvokeCommand) => {
    commands.push(command);
    const { payload, ...output } = await answer(command);
    const bytes =
      payload === undefined
        ? new Uint8Array()
        : payload instanceof Uint8Array
          ? payload
          : Buffer.from(JSON.stringify(payload));
    return { $metadata: {}, ...output, Payload: bytes };
  };
  Object.assign(lambda, { send });
  return {
    lambda,
    commands,
    events: () =>
      commands.map((c) => JSON.parse(Buffer.from(c.input.Payload as Uint8Array).toString('utf8')) as unknown),
  };
}

/** A stub that accepts every Event invoke (202) and answers every other one with status 200 and `payload`. */
export function answering(payload: unknown): StubLambda {
  return stubLambda((command) =>
    command.input.InvocationType === 'Event' ? { StatusCode: 202 } : { StatusCode: 200, payload },
  );
}

/** A stub that answers each event (or each event of a batch) with `{statusCode: 204}`, and accepts Event invokes. */
export function answeringEach(): StubLambda {
  const stub: StubLambda = stubLambda((command) => {
    if (command.input.InvocationType === 'Event') return { StatusCode: 202 };
    const event = stub.events().at(-1);
    const answer = { statusCode: 204 };
    return { StatusCode: 200, payload: Array.isArray(event) ? event.map(() => answer) : answer };
  });
  return stub;
}
