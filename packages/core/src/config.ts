// Runtime configuration from the environment: the same names on Lambda and locally.
const need = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

export const config = {
  get tableName() {
    return need('TABLE_NAME');
  },
  get region() {
    return process.env.AWS_REGION ?? 'us-east-1';
  },
  /** Set only locally (DynamoDB Local). */
  get dynamodbEndpoint() {
    return process.env.DYNAMODB_ENDPOINT;
  },
  get userPoolId() {
    return need('USER_POOL_ID');
  },
  get userPoolClientId() {
    return need('USER_POOL_CLIENT_ID');
  },
  /** Set only locally (cognito-local). */
  get cognitoEndpoint() {
    return process.env.COGNITO_ENDPOINT;
  },
  /** Uploads of imports and big exports. */
  get filesBucket() {
    return need('FILES_BUCKET');
  },
  /** Set only locally (the S3 stand-in). */
  get s3Endpoint() {
    return process.env.S3_ENDPOINT;
  },
};
