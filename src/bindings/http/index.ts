import { defineDriverModule } from '../module';
import { createHttpDriver } from './driver';
import { spec } from './spec';

/** The http binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createHttpDriver);
