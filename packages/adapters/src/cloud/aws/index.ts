/** The CloudPort on Amazon EC2 (official SDK). */
export { AwsCloud, type AwsCloudOptions, type Ec2Api } from './aws-cloud.js';
export { parseAwsConfig, type AwsCloudConfig, type AwsRegionConfig } from './config.js';

export { ec2ClientFor } from './clients.js';
