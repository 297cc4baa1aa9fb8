import { defineDriverModule } from '../module';
import { createMysqlDriver } from './driver';
import { spec } from './spec';

/** The mysql binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createMysqlDriver);
