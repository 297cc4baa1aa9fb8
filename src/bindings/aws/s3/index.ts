import { defineDriverModule } from '../../module';
import { createS3Driver } from './driver';
import { spec } from './spec';

/** The aws.s3 binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createS3Driver);
