import {
  DescribeInstancesCommand,
  DescribeSpotInstanceRequestsCommand,
  DescribeSpotPriceHistoryCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
  type SpotInstanceRequest,
  type SpotPrice,
} from '@aws-sdk/client-ec2';
import type { Ec2Api } from '../../../src/cloud/aws/index.js';

/** An error as the SDK throws it for an EC2 error code. */
export function ec2Error(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/**
 * EC2 as far as the adapter sees it, at the level of the SDK's commands: instances made by
 * RunInstances (idempotent on ClientToken), their spot requests, a spot price history,
 * and controls for the test to move instances along (boot, mark, reclaim). Every command
 * is recorded. One region; listings come in pages of `pageSize`.
 */
export class FakeEc2 {
  readonly calls: { name: string; input: any }[] = [];
  readonly instances = new Map<string, Instance>();
  readonly spotRequests = new Map<string, SpotInstanceRequest>();
  prices: SpotPrice[] = [];
  /** The error the next RunInstances throws. */
  refuseNext: Error | undefined;
  /** RunInstances answers only when this resolves (to test calls made meanwhile). */
  hold: Promise<void> | undefined;
  pageSize = 2;
  private seq = 0;

  /** The fake as the adapter's EC2 client. */
  get api(): Ec2Api {
    return { send: ((command: unknown) => this.send(command)) as Ec2Api['send'] };
  }

  private async send(command: unknown): Promise<unknown> {
    const { input } = command as { input: any };
    this.calls.push({ name: (command as object).constructor.name, input });
    if (command instanceof RunInstancesCommand) return this.run(input);
    if (command instanceof TerminateInstancesCommand) {
      for (const id of input.InstanceIds) this.end(id, 'Client.UserInitiatedShutdown');
      return {};
    }
    if (command instanceof DescribeInstancesCommand) {
      const key = input.Filters?.[0]?.Values?.[0];
      const all = [...this.instances.values()].filter((i) => i.Tags?.some((t) => t.Key === key));
      return this.page(all, input.NextToken, (items) => ({ Reservations: [{ Instances: items }] }));
    }
    if (command instanceof DescribeSpotInstanceRequestsCommand)
      return {
        SpotInstanceRequests: input.SpotInstanceRequestIds.map((id: string) =>
          this.spotRequests.get(id),
        ),
      };
    if (command instanceof DescribeSpotPriceHistoryCommand) {
      const wanted = this.prices.filter((p) => input.InstanceTypes.includes(p.InstanceType));
      return this.page(wanted, input.NextToken, (items) => ({ SpotPriceHistory: items }));
    }
    throw new Error(`the fake EC2 does not know ${(command as object).constructor.name}`);
  }

  private async run(input: any): Promise<unknown> {
    await this.hold;
    if (this.refuseNext) {
      const e = this.refuseNext;
      this.refuseNext = undefined;
      throw e;
    }
    const existing = [...this.instances.values()].find((i) => i.ClientToken === input.ClientToken);
    if (existing) return { Instances: [existing] };
    const id = `i-${String(++this.seq).padStart(17, '0')}`;
    const spot = input.InstanceMarketOptions?.MarketType === 'spot';
    const zone = input.SubnetId.replace(/^subnet-/, '');
    const instance: Instance = {
      InstanceId: id,
      InstanceType: input.InstanceType,
      ClientToken: input.ClientToken,
      State: { Name: 'pending', Code: 0 },
      Placement: { AvailabilityZone: zone },
      Tags: input.TagSpecifications[0].Tags,
      ...(spot ? { InstanceLifecycle: 'spot', SpotInstanceRequestId: `sir-${id}` } : {}),
    };
    this.instances.set(id, instance);
    if (spot)
      this.spotRequests.set(`sir-${id}`, {
        SpotInstanceRequestId: `sir-${id}`,
        InstanceId: id,
        State: 'active',
        Status: { Code: 'fulfilled' },
      });
    return { Instances: [instance] };
  }

  private page<T>(items: T[], token: string | undefined, wrap: (items: T[]) => object): object {
    const from = token === undefined ? 0 : Number(token);
    const next = from + this.pageSize;
    return {
      ...wrap(items.slice(from, next)),
      ...(next < items.length ? { NextToken: String(next) } : {}),
    };
  }

  /** The instance is running. */
  boot(id: string): void {
    const i = this.instances.get(id);
    if (i) i.State = { Name: 'running', Code: 16 };
  }

  /** EC2 marks the spot instance for termination at `at`. */
  mark(id: string, at: Date): void {
    const r = this.spotRequests.get(`sir-${id}`);
    if (r) r.Status = { Code: 'marked-for-termination', UpdateTime: at };
  }

  /** EC2 ends the instance for `code`. */
  end(id: string, code: string, message = code): void {
    const i = this.instances.get(id);
    if (i) {
      i.State = { Name: 'terminated', Code: 48 };
      i.StateReason = { Code: code, Message: message };
    }
  }

  /** EC2 forgets a terminated instance (about an hour after it ended). */
  forget(id: string): void {
    this.instances.delete(id);
  }

  /** The only instance (or the n-th). */
  id(n = 0): string {
    return [...this.instances.keys()][n] as string;
  }
}
