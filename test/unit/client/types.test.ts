// Compile-time tests of the typed client: `npx tsc --noEmit` fails if a line marked @ts-expect-error compiles.
// The bindings are passed as BindingsClient's type argument, the same map BundledBindings receives by merging
// (declarations.test.ts checks the merge itself); merging here would retype every other test file.
import { BindingsClient, type BindingName, type BindingOperation, type BindingRequest } from '../../../src/client';
import type { InvokeAnswer, InvokeEvent } from '../../../src/handlers/invoke';
import type { WireAnswer, WireEvent } from '../../../src/client/wire';
import { answeringEach } from './stub-lambda';

/** What a stage's generated declarations put into BundledBindings. */
interface Declared {
  checkout: 'create';
  orders: 'create' | 'get';
}

const stub = answeringEach();
const typed = new BindingsClient<Declared>({ functionName: 'f', lambdaClient: stub.lambda });
const untyped = new BindingsClient({ functionName: 'f', lambdaClient: stub.lambda });

/** Type-level equality, for assertions that fail compilation. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

describe('typed bindings', () => {
  it('accepts declared names and operations, and rejects typos at compile time', async () => {
    await typed.send('checkout', 'create', { orderId: 1 });
    await typed.send('orders', 'get');
    await typed.send('orders', 'create', undefined, { partitionKey: 'k' });
    // @ts-expect-error a typo in the operation
    await typed.send('checkout', 'creat');
    // @ts-expect-error an operation of another binding
    await typed.send('checkout', 'get');
    // @ts-expect-error an unknown binding
    await typed.send('checkuot', 'create');
    // @ts-expect-error metadata values are strings
    await typed.send('checkout', 'create', {}, { partitionNumber: 1 });

    await typed.sendAndForget('orders', 'get');
    // @ts-expect-error a typo in the operation
    await typed.sendAndForget('orders', 'gte');
    // @ts-expect-error an unknown binding
    await typed.sendAndForget('nope', 'create');

    await typed.batch([
      { name: 'checkout', operation: 'create', data: 1 },
      { name: 'orders', operation: 'get' },
    ]);
    await typed.batch([
      { name: 'checkout', operation: 'create' },
      // @ts-expect-error a typo in one operation of a batch
      { name: 'checkout', operation: 'creat' },
    ]);
    // @ts-expect-error an unknown binding in a batch
    await typed.batch([{ name: 'nope', operation: 'create' }]);
    // @ts-expect-error an operation of another binding in a batch
    await typed.batch([{ name: 'checkout', operation: 'get' }]);

    expect(stub.commands).toHaveLength(14);
  });

  it('accepts any string while BundledBindings is empty', async () => {
    const name: string = 'anything';
    await untyped.send(name, 'whatever');
    await untyped.send('checkout', 'creat');
    await untyped.sendAndForget('x', 'y');
    await untyped.batch([{ name, operation: name }]);
    // @ts-expect-error the operation is still required
    await untyped.send('checkout');
  });

  it('exposes the helper types', () => {
    assertType<Equal<BindingName<Declared>, 'checkout' | 'orders'>>();
    assertType<Equal<BindingOperation<Declared, 'orders'>, 'create' | 'get'>>();
    assertType<Equal<BindingName<object>, string>>();
    assertType<Equal<BindingOperation<object, 'x'>, string>>();
    assertType<Equal<BindingRequest<Declared>['name'], 'checkout' | 'orders'>>();
    // The client's copy of the wire shapes is the handler's.
    assertType<Equal<WireEvent, InvokeEvent>>();
    assertType<Equal<WireAnswer, InvokeAnswer>>();
    // @ts-expect-error not equal: the check itself works
    assertType<Equal<BindingName<Declared>, string>>();
    expect(true).toBe(true);
  });
});
