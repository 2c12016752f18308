/** Where and how Roam launches in one AWS region. */
export interface AwsRegionConfig {
  /**
   * The EC2 launch template every instance starts from (its AMI, security groups, instance
   * profile, user data that joins the node to the runtime): a name, or an id `lt-…`.
   */
  readonly launchTemplate: string;
  /** The template's version (default `$Default`). */
  readonly launchTemplateVersion: string;
  /** The subnet of each Availability Zone Roam may launch in: only these zones are offered. */
  readonly subnets: Readonly<Record<string, string>>;
}

/** The AWS adapter's configuration (`roam up --cloud aws:FILE`, JSON). */
export interface AwsCloudConfig {
  readonly regions: Readonly<Record<string, AwsRegionConfig>>;
  /** How often the adapter asks EC2 for instances, spot requests and prices (default 15 s). */
  readonly pollSeconds: number;
}

/**
 * Reads an AWS configuration (parsed JSON), or throws an error naming the field and what
 * is wrong with it. `source` names where it came from in the message.
 *
 * ```json
 * { "regions": { "us-east-1": { "launchTemplate": "roam-gpu-node",
 *   "subnets": { "us-east-1a": "subnet-0a1b2c", "us-east-1b": "subnet-0d4e5f" } } },
 *   "pollSeconds": 15 }
 * ```
 */
export function parseAwsConfig(input: unknown, source: string): AwsCloudConfig {
  const fail = (field: string, why: string): never => {
    throw new Error(`${source}: ${field} ${why}`);
  };
  if (!isObject(input)) return fail('(the whole file)', 'must be a JSON object');
  const regions = input['regions'];
  if (!isObject(regions) || Object.keys(regions).length === 0)
    return fail('regions', 'must map at least one region to its launch template and subnets');
  const out: Record<string, AwsRegionConfig> = {};
  for (const [region, value] of Object.entries(regions)) {
    const at = `regions.${region}`;
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) fail(at, 'is not an AWS region name');
    if (!isObject(value)) return fail(at, 'must be an object');
    const template = value['launchTemplate'];
    if (typeof template !== 'string' || template === '')
      fail(`${at}.launchTemplate`, 'must name a launch template (name or lt-… id)');
    const version = value['launchTemplateVersion'] ?? '$Default';
    if (typeof version !== 'string' || version === '')
      fail(`${at}.launchTemplateVersion`, 'must be a version number, $Default or $Latest');
    const subnets = value['subnets'];
    if (!isObject(subnets) || Object.keys(subnets).length === 0)
      return fail(`${at}.subnets`, 'must map at least one Availability Zone to a subnet id');
    for (const [zone, subnet] of Object.entries(subnets)) {
      if (!zone.startsWith(region)) fail(`${at}.subnets.${zone}`, `is not a zone of ${region}`);
      if (typeof subnet !== 'string' || !subnet.startsWith('subnet-'))
        fail(`${at}.subnets.${zone}`, 'must be a subnet id (subnet-…)');
    }
    out[region] = {
      launchTemplate: template as string,
      launchTemplateVersion: version as string,
      subnets: subnets as Record<string, string>,
    };
  }
  const poll = input['pollSeconds'] ?? 15;
  if (typeof poll !== 'number' || !(poll >= 1 && poll <= 300))
    fail('pollSeconds', 'must be a number of seconds from 1 to 300');
  return { regions: out, pollSeconds: poll as number };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
