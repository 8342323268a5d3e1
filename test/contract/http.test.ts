import { catalogContractSuite } from './catalog.suite';
import { csvContractSuite } from './csv.suite';
import { ordersContractSuite } from './orders.suite';

catalogContractSuite('http');
csvContractSuite('http');
ordersContractSuite('http');
