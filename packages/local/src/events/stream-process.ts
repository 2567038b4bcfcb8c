// The stream poller (the Pipe's stand-in) as a process of its own, pointed at a DynamoDB Local and
// a bus by env: `tsx packages/local/src/events/stream-process.ts`. Its checkpoint is kept in
// STREAM_DATA_DIR, so a process killed in the middle of a batch starts again after the last batch
// it finished and puts the unfinished one on the bus again, as a Lambda event source mapping does.
// A first start (no checkpoint) begins at STREAM_STARTING_POSITION: TRIM_HORIZON or LATEST.
import { fstatSync } from 'node:fs';
import { EVENT_BUS_NAME, LOCAL_REGION, TABLE_NAME } from '../config.ts';
import { StreamPipe } from './stream.ts';

const env = process.env;
const required = (name: string) => env[name] || fail(`${name} is not set`);
function fail(message: string): never {
  process.stderr.write(`stream-process: ${message}\n`);
  process.exit(2);
}

const pipe = new StreamPipe({
  dynamodbEndpoint: required('DYNAMODB_ENDPOINT'),
  eventBridgeEndpoint: required('EVENTBRIDGE_ENDPOINT'),
  tableName: env.TABLE_NAME || TABLE_NAME,
  eventBusName: env.EVENT_BUS_NAME || EVENT_BUS_NAME,
  region: env.AWS_REGION || LOCAL_REGION,
  dataDir: required('STREAM_DATA_DIR'),
  startingPosition: env.STREAM_STARTING_POSITION === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
  pollMs: Number(env.STREAM_POLL_MS) || undefined,
  log: (line) => process.stdout.write(`${line}\n`),
});
pipe.start();

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void pipe.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started by another process through a pipe: stop when that process is gone, even by SIGKILL.
const stdin = fstatSync(0);
if (stdin.isFIFO() || stdin.isSocket()) {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
