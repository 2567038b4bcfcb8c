// The demo account of a first `npm start`, made THROUGH the HTTP API as a user would; each step is
// remembered in .data/local.json so a later start retries only what is missing.
import { logIn } from './cognito.ts';
import { callApi, describeAnswer } from './http-client.ts';
import { readState, updateState, type DemoLogin } from './local-state.ts';
import type { WebConfig } from './web.ts';

export const DEMO_EMAIL = 'demo@example.com';
export const DEMO_PASSWORD = 'Demo-crm-2026';

const SAMPLE_LEADS = [
  { name: 'Website redesign for Northwind', price: 12000, tags: ['web'], source: 'demo' },
  { name: 'Annual support contract, Contoso', price: 30000, tags: ['support'], source: 'demo' },
  { name: 'Pilot for Fabrikam warehouse', price: 4500, tags: ['pilot'], source: 'demo' },
  { name: '50 licences for Tailspin Toys', price: 25000, tags: ['licences'], source: 'demo' },
  { name: 'Consulting days, Wide World Importers', price: 8000, source: 'demo' },
];

/** Makes (or completes) the demo account and returns its login; throws with one line on failure. */
export async function seedDemo(config: WebConfig, dataDir: string): Promise<DemoLogin> {
  const { apiUrl } = config;
  let demo: DemoLogin = readState(dataDir).demo ?? { email: DEMO_EMAIL, password: DEMO_PASSWORD };
  const remember = () => updateState(dataDir, { demo });

  if (!demo.accountId) {
    const body = { company: 'Demo Company', name: 'Demo Admin', email: demo.email, password: demo.password };
    const answer = await callApi(apiUrl, 'POST', '/api/v1/signup', body);
    if (answer.status !== 201) throw new Error(describeAnswer('POST', '/api/v1/signup', answer));
    demo = { ...demo, accountId: answer.body.accountId, userId: answer.body.userId };
    remember();
  }
  if (!demo.leadsSeeded) {
    const token = await logIn(config.cognitoEndpoint!, config.userPoolClientId, demo.email, demo.password);
    for (const [i, lead] of SAMPLE_LEADS.entries()) {
      // The idempotency key makes a retry after a half-done seed create nothing twice.
      const headers = { authorization: `Bearer ${token}`, 'idempotency-key': `demo-lead-${i}` };
      const answer = await callApi(apiUrl, 'POST', '/api/v1/leads', lead, headers);
      if (answer.status !== 201) throw new Error(describeAnswer('POST', '/api/v1/leads', answer));
    }
    demo = { ...demo, leadsSeeded: true };
    remember();
  }
  return demo;
}
