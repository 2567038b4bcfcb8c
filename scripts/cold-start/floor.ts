// The cold-start floor: a handler that loads only the DynamoDB client, as every DynamoDB
// Lambda must. scripts/bench-cold-start.ts bundles it the way the CDK bundles a real entry.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION, maxAttempts: 3 }), {
  marshallOptions: { removeUndefinedValues: true },
});

export const handler = async () => ({ statusCode: 200, body: String(Boolean(dynamo)) });
