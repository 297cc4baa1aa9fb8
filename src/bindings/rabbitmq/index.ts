import { defineDriverModule } from '../module';
import { createRabbitMQDriver } from './driver';
import { spec } from './spec';

/** The rabbitmq binding: spec plus driver factory, loaded lazily by the registry. */
export default defineDriverModule(spec, createRabbitMQDriver);
