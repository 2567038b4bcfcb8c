// Live updates: the WebSocket API routes every socket route to the one socket Lambda, the fan-out
// consumer may post to connections (and only it and the socket Lambda may), the web app is told
// the URL and may open it, and failed sends raise an alarm.
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { LIVE_SEND_FAILURES } from '../../lib/live-socket.ts';
import type { Synthesized } from '../synth.ts';

type Resource = { Type: string; Properties: Record<string, any> };

export const describeLive = (synth: () => Synthesized) =>
  describe('Live updates (WebSocket API)', () => {
    const events = () => synth().template(synth().stacks.events);
    const resources = () => Object.values(events().toJSON().Resources as Record<string, Resource>);

    it('has a WebSocket API choosing routes by `action`, with $connect, $disconnect, $default and presence', () => {
      events().hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: '$request.body.action',
      });
      const routes = resources()
        .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
        .map((r) => r.Properties.RouteKey)
        .sort();
      expect(routes).toEqual(['$connect', '$default', '$disconnect', 'presence']);
      events().hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'live', AutoDeploy: true });
    });

    it('lets exactly the socket Lambda and the fan-out consumer manage connections, and tells both the endpoint', () => {
      const managing = resources().filter(
        (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.PolicyDocument).includes('execute-api:ManageConnections'),
      );
      expect(managing).toHaveLength(2);
      const withEndpoint = resources().filter(
        (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.LIVE_MANAGEMENT_ENDPOINT,
      );
      expect(withEndpoint.map((f) => f.Properties.FunctionName).sort()).toEqual(['crm-test-consumer-live-updates', 'crm-test-live-socket']);
    });

    it('counts failed sends from the consumer’s log and alarms on them', () => {
      events().hasResourceProperties('AWS::Logs::MetricFilter', {
        MetricTransformations: [
          Match.objectLike({ MetricName: LIVE_SEND_FAILURES.metricName, MetricNamespace: LIVE_SEND_FAILURES.namespace }),
        ],
      });
      synth().template(synth().stacks.monitoring).hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: LIVE_SEND_FAILURES.metricName,
        Namespace: LIVE_SEND_FAILURES.namespace,
      });
    });

    it('puts the stage URL into config.json (wsUrl) and allows wss to execute-api in the CSP', () => {
      const web = JSON.stringify(synth().template(synth().stacks.web).toJSON());
      // config.json is a deployed asset; its wsUrl is filled from the live API's id at deploy time.
      expect(web).toMatch(/ExportsOutputRefLiveApi[0-9A-F]+/);
      expect(web).toContain('wss://*.execute-api.');
    });
  });
