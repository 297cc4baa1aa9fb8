// A local Serverless plugin: builds the stage's bundle before packaging, deploying or serving offline,
// so `serverless package --stage prod` validates and bundles exactly that stage's components. When
// packaging, it also adds the IAM statements the build derived for the stage (src/deploy/iam.ts) to
// the function's role, before the framework compiles the role.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

class BuildBundlePlugin {
  constructor(serverless, options, utils) {
    this.serverless = serverless;
    this.options = options;
    const write = (text) => process.stderr.write(`${text}\n`);
    this.log = (utils && utils.log) || { notice: write, warning: write };
    const build = () => this.build();
    this.hooks = {
      // package:setupProviderConfiguration compiles the role (merge-iam-templates), so build before it.
      'before:package:initialize': () => {
        const statements = this.build();
        this.addIamStatements(statements);
      },
      'before:deploy:function:packageFunction': build,
      'before:offline:start': build,
      'before:offline:start:init': build,
      'before:invoke:local:invoke': build,
    };
  }

  /** The bundle folder (custom.buildOutDir, from env BUILD_OUT_DIR): relative, inside the service. */
  outDir() {
    const custom = this.serverless.service.custom || {};
    const dir = String(custom.buildOutDir || process.env.BUILD_OUT_DIR || 'dist');
    const relative = path.relative(root, path.resolve(root, dir));
    if (path.isAbsolute(dir) || relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new Error(
        `BUILD_OUT_DIR "${dir}" must be a folder inside ${root}, given relative to it (it is the handler's path)`,
      );
    }
    return dir;
  }

  /** The function's APP_ID as deployed, so the build keeps the components scoped to it. */
  appId() {
    const environment = this.serverless.service.provider.environment || {};
    return environment.APP_ID || process.env.APP_ID || this.serverless.service.service;
  }

  /** Runs scripts/build.ts once for the stage; returns the IAM statements it derived. */
  build() {
    if (this.built) return this.statements;
    const stage = this.options.stage || this.serverless.service.provider.stage || 'dev';
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    // A file of our own: `.build/<stage>/iam.json` may be rewritten by another build of the same stage.
    const iamDir = mkdtempSync(path.join(tmpdir(), 'dapr-bindings-iam-'));
    const iamFile = path.join(iamDir, 'iam.json');
    try {
      const result = spawnSync(tsx, [path.join(root, 'scripts', 'build.ts'), '--stage', stage, '--iam-out', iamFile], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, APP_ID: this.appId(), BUILD_OUT_DIR: this.outDir() },
      });
      if (result.status !== 0) throw new Error(`building stage "${stage}" failed (see the errors above)`);
      this.statements = JSON.parse(readFileSync(iamFile, 'utf8'));
    } finally {
      rmSync(iamDir, { recursive: true, force: true });
    }
    this.built = true;
    return this.statements;
  }

  /** Appends the statements to provider.iam.role.statements, which the framework merges into its role. */
  addIamStatements(statements) {
    if (!Array.isArray(statements) || statements.length === 0) return;
    const service = this.serverless.service;
    const provider = service.provider;
    const role = provider.iam && provider.iam.role;
    // The framework's own tests (merge-iam-templates): then it creates no role of its own.
    const existingRole = typeof role === 'string' || (role && Object.keys(role).some((key) => key.includes('::')));
    const functions = service.getAllFunctions().map((name) => service.getFunction(name));
    if ('role' in provider || existingRole || functions.every((fn) => 'role' in fn)) {
      this.log.warning(
        `The function uses a role of its own; grant it these statements yourself:\n${JSON.stringify(statements, null, 2)}`,
      );
      return;
    }
    provider.iam = provider.iam || {};
    provider.iam.role = role || {};
    // merge-iam-templates reads iam.role.statements, else the deprecated iamRoleStatements: keep those.
    const existing = provider.iam.role.statements || provider.iamRoleStatements || [];
    provider.iam.role.statements = [...existing, ...statements];
    this.log.notice(`Added ${statements.length} derived IAM statement(s) to the function's role`);
  }
}

module.exports = BuildBundlePlugin;
