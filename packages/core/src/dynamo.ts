// The DynamoDB client every Lambda needs; the entities (entities/define.ts) bind to it when first used.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.ts';

export const dynamo = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: config.region, endpoint: config.dynamodbEndpoint, maxAttempts: 3 }),
  { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true } },
);
