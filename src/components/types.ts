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
}

/** What the build embeds: the app ID it was built for and its components. */
export interface BundleManifest {
  appId: string;
  stage: string;
  components: BundledComponent[];
}
