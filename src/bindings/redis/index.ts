import { defineDriverModule } from '../module';
import { createRedisDriver } from './driver';
import { spec } from './spec';

/** The redis binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createRedisDriver);
