/**
 * The built-in frontmatter schemas' validators as ajv standalone code (CommonJS), for the bundles: esbuild.mjs puts
 * it in place of server/src/node/frontmatterValidators.ts, so the server and the CLI do not compile the schemas at
 * run time (80-100 ms in every process). The ajv instance and the schemas are the engine's own (schemaStore.ts):
 * the code cannot drift from what the engine would compile. test/unit/features/frontmatter/precompiled.test.ts runs
 * it against the compiled validators.
 *
 * `node --import tsx scripts/build/frontmatterValidators.ts` prints the module.
 */
import standaloneCode from 'ajv/dist/standalone';
import { BUILT_IN_SCHEMAS, schemaAjv } from '../../server/engine';

export function frontmatterValidatorsCode(): string {
  const ajv = schemaAjv({ source: true });
  const files = [...BUILT_IN_SCHEMAS.keys()];
  for (const file of files) ajv.addSchema(BUILT_IN_SCHEMAS.get(file) as object);
  // Export names are identifiers; each schema's `$id` is its file name.
  const code = standaloneCode(ajv, Object.fromEntries(files.map((file, i) => [`v${i}`, file])));
  const table = files.map((file, i) => `  ${JSON.stringify(file)}: exports.v${i},`).join('\n');
  return `${code}\nexports.FRONTMATTER_VALIDATORS = {\n${table}\n};\n`;
}

if (require.main === module) process.stdout.write(frontmatterValidatorsCode());
