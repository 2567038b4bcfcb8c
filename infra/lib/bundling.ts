// The one description of how a Lambda entry is bundled. The CDK functions and
// scripts/bench-bundles.ts both derive their esbuild settings from it, so they cannot drift.
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

export const LAMBDA_BUNDLE = {
  target: 'node22',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  // The nodejs22.x runtime ships AWS SDK v3; bundling it would add megabytes per function.
  externalModules: ['@aws-sdk/*', 'exceljs', 'mailparser', 'nodemailer'],
  // ESM output: bundled CommonJS dependencies that require() node built-ins need `require`.
  banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
} as const;

/** CDK writes ESM bundles to this file name; the bench uses the same so source-map comments match. */
export const BUNDLE_FILE = 'index.mjs';

export const cdkBundling: BundlingOptions = {
  target: LAMBDA_BUNDLE.target,
  format: OutputFormat.ESM,
  minify: LAMBDA_BUNDLE.minify,
  sourceMap: LAMBDA_BUNDLE.sourceMap,
  mainFields: [...LAMBDA_BUNDLE.mainFields],
  externalModules: [...LAMBDA_BUNDLE.externalModules],
  banner: LAMBDA_BUNDLE.banner,
};

/**
 * Libraries heavier than a whole Lambda's budget are never bundled (external above) but
 * installed into node_modules of the functions that use them: exceljs (XLSX in and out, about
 * 1 MB minified; loaded lazily when a file is XLSX) and the mail widget's parser and sender
 * (mailparser with its iconv-lite, nodemailer: about 1.4 MB), which the widgets API reaches
 * through the widget registry and SES receiving's Lambda (the parser); the other widgets' Lambdas
 * do not (infra/test/bundle-size.test.ts checks each function installs what its bundle imports).
 */
const INSTALLED: { modules: string[]; entries: RegExp[] }[] = [
  { modules: ['exceljs'], entries: [/handlers\/imports\.ts$/, /handlers\/exports\.ts$/, /consumers\/import-run\.ts$/] },
  { modules: ['mailparser', 'nodemailer'], entries: [/handlers\/widgets\.ts$/, /handlers\/widget-inbound\.ts$/] },
  // SES receiving only reads letters.
  { modules: ['mailparser'], entries: [/widgets\/mail\/ses-inbound\.ts$/] },
];
export const bundlingFor = (entry: string): BundlingOptions => {
  const nodeModules = INSTALLED.filter((i) => i.entries.some((e) => e.test(entry))).flatMap((i) => i.modules);
  return nodeModules.length ? { ...cdkBundling, nodeModules } : cdkBundling;
};

/** What `cdkBundling` makes CDK pass to the esbuild CLI, as esbuild API options. */
export const esbuildOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: LAMBDA_BUNDLE.target,
  format: 'esm',
  minify: LAMBDA_BUNDLE.minify,
  sourcemap: LAMBDA_BUNDLE.sourceMap,
  mainFields: [...LAMBDA_BUNDLE.mainFields],
  external: [...LAMBDA_BUNDLE.externalModules],
  banner: { js: LAMBDA_BUNDLE.banner },
});
