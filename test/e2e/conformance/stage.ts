import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { startOffline, type OfflineInstance } from '../../support/offline';

/** One component of the conformance stage: its name, Dapr type and literal metadata. */
export interface StageComponent {
  name: string;
  type: string;
  metadata: Record<string, string>;
}

/** A serverless-offline instance built from a components folder of its own, and how to remove both. */
export interface ConformanceStage {
  instance: OfflineInstance;
  close(): Promise<void>;
}

/** The Dapr component YAML a user would write for one component. */
export function componentYaml(component: StageComponent): string {
  return dump({
    apiVersion: 'dapr.io/v1alpha1',
    kind: 'Component',
    metadata: { name: component.name },
    spec: {
      type: component.type,
      version: 'v1',
      metadata: Object.entries(component.metadata).map(([name, value]) => ({ name, value })),
    },
  });
}

/**
 * Writes each component to its own file in a temporary components folder and starts serverless-offline
 * on it (the real build, then the real handler), bundled into a folder of its own so that the shared
 * instances' `dist/` is untouched.
 */
export async function startConformanceStage(components: StageComponent[]): Promise<ConformanceStage> {
  const dir = mkdtempSync(join(tmpdir(), 'dapr-conformance-components-'));
  for (const component of components) writeFileSync(join(dir, `${component.name}.yaml`), componentYaml(component));
  try {
    const instance = await startOffline({ env: { COMPONENTS_DIR: dir, BUILD_OUT_DIR: '.build/e2e-conformance' } });
    return {
      instance,
      close: async () => {
        await instance.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
