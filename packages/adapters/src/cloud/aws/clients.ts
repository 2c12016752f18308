import { EC2Client } from '@aws-sdk/client-ec2';
import type { Ec2Api } from './aws-cloud.js';

const clients = new Map<string, EC2Client>();

/**
 * The EC2 client of a region (one per region, made once), with the AWS SDK's default
 * credential chain: environment, shared config and credentials files, SSO, the instance's
 * role.
 */
export function ec2ClientFor(region: string): Ec2Api {
  let client = clients.get(region);
  if (client === undefined) {
    client = new EC2Client({ region });
    clients.set(region, client);
  }
  return client;
}
