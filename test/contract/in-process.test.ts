import { catalogContractSuite } from './catalog.suite';
import { csvContractSuite } from './csv.suite';
import { ordersContractSuite } from './orders.suite';

catalogContractSuite('in-process');
csvContractSuite('in-process');
ordersContractSuite('in-process');
