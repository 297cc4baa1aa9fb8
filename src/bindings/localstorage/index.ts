import { defineDriverModule } from '../module';
import { createLocalStorageDriver } from './driver';
import { spec } from './spec';

/** The localstorage binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createLocalStorageDriver);
