import { defineDriverModule } from '../../module';
import { createSqsDriver } from './driver';
import { spec } from './spec';

/** The aws.sqs binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createSqsDriver);
