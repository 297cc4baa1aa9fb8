import { defineDriverModule } from '../../module';
import { createSnsDriver } from './driver';
import { spec } from './spec';

/** The aws.sns binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createSnsDriver);
