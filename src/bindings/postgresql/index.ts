import { defineDriverModule } from '../module';
import { createPostgresDriver } from './driver';
import { spec } from './spec';

/** The postgresql binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createPostgresDriver);
