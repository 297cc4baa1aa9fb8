// The direct-invoke client apps import: `new BindingsClient({ functionName }).send('checkout', 'create', data)`.
export { BindingsClient, type BindingsClientOptions } from './client';
export { BindingsInvokeError, DaprBindingError, type BindingsInvokeErrorDetails } from './errors';
export { CLIENT_DEFAULTS } from './lambda-transport';
export type {
  BatchResult,
  BindingMetadata,
  BindingName,
  BindingOperation,
  BindingRequest,
  BindingResponse,
  BundledBindings,
} from './types';
