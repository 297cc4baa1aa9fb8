/** moto settings shared by the AWS targets: the SDK options of the raw clients and the binding components. */
import type { BundledComponent } from '../../../src/components/types';
import type { Services } from '../services';
import { component } from './target';

const REGION = 'us-east-1';
const KEYS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** SDK options for moto with the test keys, as the binding's component configures it. */
export const motoConfig = (services: Services) => ({
  endpoint: services.MOTO_ENDPOINT,
  region: REGION,
  credentials: KEYS,
});

/** An AWS binding component reaching moto with the test keys. */
export function awsComponent(
  services: Services,
  name: string,
  type: string,
  metadata: Record<string, string>,
): BundledComponent {
  return component(name, type, {
    endpoint: services.MOTO_ENDPOINT,
    region: REGION,
    accessKey: KEYS.accessKeyId,
    secretKey: KEYS.secretAccessKey,
    ...metadata,
  });
}
