// A local Serverless plugin: builds the stage's bundle before packaging, deploying or serving offline,
// so `serverless package --stage prod` validates and bundles exactly that stage's components.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

class BuildBundlePlugin {
  constructor(serverless, options) {
    this.serverless = serverless;
    this.options = options;
    const build = () => this.build();
    this.hooks = {
      'before:package:createDeploymentArtifacts': build,
      'before:deploy:function:packageFunction': build,
      'before:offline:start': build,
      'before:offline:start:init': build,
      'before:invoke:local:invoke': build,
    };
  }

  build() {
    if (this.built) return;
    this.built = true;
    const root = path.resolve(__dirname, '..', '..');
    const stage = this.options.stage || this.serverless.service.provider.stage || 'dev';
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    const result = spawnSync(tsx, [path.join(root, 'scripts', 'build.ts'), '--stage', stage], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, APP_ID: process.env.APP_ID || this.serverless.service.service },
    });
    if (result.status !== 0) throw new Error(`building stage "${stage}" failed (see the errors above)`);
  }
}

module.exports = BuildBundlePlugin;
