import { defineDriverModule } from '../../module';
import { createKinesisDriver } from './driver';
import { spec } from './spec';

/** The aws.kinesis binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createKinesisDriver);
