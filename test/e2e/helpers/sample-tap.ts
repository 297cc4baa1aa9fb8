import { SAMPLE_TOPIC, TopicTap } from './records';

/** Opens a {@link TopicTap} on the sample topic in beforeAll, closes it in afterAll, and returns a getter for it. */
export function useSampleTap(): () => TopicTap {
  let tap: TopicTap | undefined;
  beforeAll(async () => {
    tap = await TopicTap.open(SAMPLE_TOPIC);
  }, 60_000);
  afterAll(async () => {
    await tap?.close();
  }, 60_000);
  return () => {
    if (!tap) throw new Error('the sample topic tap is not open (did its beforeAll fail?)');
    return tap;
  };
}
