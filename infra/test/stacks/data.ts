// The data stack: the one table as table-design.ts shapes it, recoverable and hard to delete.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '@crm/core/table-design';
import type { Synthesized } from '../synth.ts';

export const describeData = (synth: () => Synthesized) =>
  describe('Stack: data', () => {
    const data = () => synth().template(synth().stacks.data);

    it('keeps point-in-time recovery and deletion protection on, and the table on stack removal', () => {
      data().hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        },
      });
    });

    it('has the keys, GSIs, TTL and stream of table-design.ts', () => {
      const [table] = Object.values(data().findResources('AWS::DynamoDB::Table'));
      const p = table!.Properties;
      expect(p.KeySchema).toEqual([
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ]);
      expect(p.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName)).toEqual(GLOBAL_INDEXES.map((i) => i.indexName));
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
      expect(p.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    });

    it('keeps the files bucket private, encrypted, CORS-open to signed PUTs, and expiring uploads', () => {
      data().hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT', 'GET'] })] },
        LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 8, Status: 'Enabled' })]) },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/' }),
      });
    });
  });
