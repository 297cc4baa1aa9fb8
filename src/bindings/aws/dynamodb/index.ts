import { defineDriverModule } from '../../module';
import { createDynamoDbDriver } from './driver';
import { spec } from './spec';

/** The aws.dynamodb binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createDynamoDbDriver);
