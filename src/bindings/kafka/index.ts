import { defineDriverModule } from '../module';
import { createKafkaDriver } from './driver';
import { spec } from './spec';

/** The Kafka binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createKafkaDriver);
