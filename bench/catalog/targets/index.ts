/** Every binding the warm bench compares, in the order of the table. */
import type { Services } from '../services';
import { dynamodbTarget } from './dynamodb';
import { mqttTarget, rabbitmqTarget } from './messaging';
import { redisTarget } from './redis';
import { s3Target } from './s3';
import { mysqlTarget } from './mysql';
import { postgresTarget } from './postgresql';
import { sqsTarget } from './sqs';
import type { TargetFactory } from './target';

/** The target factories, one per binding. */
export function allTargets(services: Services): TargetFactory[] {
  return [
    redisTarget(services),
    postgresTarget(services),
    mysqlTarget(services),
    rabbitmqTarget(services),
    mqttTarget(services),
    s3Target(services),
    sqsTarget(services),
    dynamodbTarget(services),
  ];
}
