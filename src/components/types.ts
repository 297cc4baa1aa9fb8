/** A component metadata entry as written in Dapr's YAML: exactly one source of the value. */
export interface MetadataItem {
  name: string;
  value?: string;
  envRef?: string;
  secretKeyRef?: { name: string; key: string };
}

/** A validated output-binding component, as the build bundles it into the function. */
export interface BundledComponent {
  name: string;
  type: string;
  version: string;
  /** Dapr's `spec.initTimeout` (default 5s): bounds the driver's creation. */
  initTimeoutMs: number;
  metadata: MetadataItem[];
  /** Where it came from, for error messages: `components/prod/kafka.yaml`. */
  source: string;
  /** Dapr's `auth.secretStore`: the secret store component that its `secretKeyRef`s read from. */
  secretStore?: string;
}

/** A validated secret store component (`secretstores.*`), bundled because a binding references it. */
export interface BundledSecretStore {
  name: string;
  /** Canonical type, e.g. `secretstores.aws.secretmanager`, `secretstores.aws.parameterstore`, `secretstores.local.env`, `secretstores.local.file`. */
  type: string;
  version: string;
  /** Literal values, `envRef`s and templates, as for bindings; never secret values. */
  metadata: MetadataItem[];
  source: string;
}

/** What the build embeds: the app ID it was built for and its components. */
export interface BundleManifest {
  appId: string;
  stage: string;
  components: BundledComponent[];
  /** The secret stores that the components' `secretKeyRef`s use. */
  secretStores: BundledSecretStore[];
}
