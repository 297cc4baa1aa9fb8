import { defineDriverModule } from '../../module';
import { createSesDriver } from './driver';
import { spec } from './spec';

/** The aws.ses binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createSesDriver);
