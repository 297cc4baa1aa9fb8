import { defineDriverModule } from '../module';
import { createSmtpDriver } from './driver';
import { spec } from './spec';

/** The smtp binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createSmtpDriver);
