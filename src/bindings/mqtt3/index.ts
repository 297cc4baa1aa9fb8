import { defineDriverModule } from '../module';
import { createMqtt3Driver } from './driver';
import { spec } from './spec';

/** The mqtt3 binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createMqtt3Driver);
