import { dsnHasPassword, pgConnectionHasPassword, urlHasPassword } from '../../../src/bindings/credentials';

describe('recognising connection strings that carry a password', () => {
  it.each<[string, boolean]>([
    ['amqp://rabbit.internal:5672', false],
    ['amqp://user@rabbit.internal:5672/vhost', false],
    ['amqp://user:s3cret@rabbit.internal:5672/vhost', true],
    ['tcp://broker:1883', false],
    ['ssl://app:pw@broker:8883', true],
    ['https://api.example.com/orders', false],
    ['https://u:p@api.example.com/', true],
    ['not a url', true], // unknown shape: treated as a secret
  ])('URL %s → %s', (value, expected) => {
    expect(urlHasPassword(value)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['dapr@tcp(db:3306)/orders', false],
    ['tcp(db:3306)/orders', false],
    ['/orders', false],
    ['dapr:s3cret@tcp(db:3306)/orders?parseTime=true', true],
    ['dapr:p@ss:w/rd@tcp(db:3306)/orders', true],
    ['dapr:@tcp(db:3306)/orders', true],
  ])('DSN %s → %s', (value, expected) => {
    expect(dsnHasPassword(value)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['host=db user=dapr dbname=orders sslmode=require', false],
    ['host=db user=dapr password=s3cret dbname=orders', true],
    ['host=db PASSWORD = x', true],
    ['postgres://dapr@db:5432/orders', false],
    ['postgresql://dapr:s3cret@db:5432/orders', true],
    ['postgres://dapr@db:5432/orders?password=s3cret', true],
  ])('libpq %s → %s', (value, expected) => {
    expect(pgConnectionHasPassword(value)).toBe(expected);
  });
});
