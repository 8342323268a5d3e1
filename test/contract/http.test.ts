import { catalogContractSuite } from './catalog.suite';
import { csvContractSuite } from './csv.suite';
import { ordersContractSuite } from './orders.suite';
import { promotionsContractSuite } from './promotions.suite';
import { inboxContractSuite } from './inbox.suite';
import { deliveriesContractSuite } from './deliveries.suite';
import { ordersTrustContractSuite } from './orders-trust.suite';
import { pagingContractSuite } from './paging.suite';

catalogContractSuite('http');
csvContractSuite('http');
ordersContractSuite('http');
promotionsContractSuite('http');
inboxContractSuite('http');
deliveriesContractSuite('http');
ordersTrustContractSuite('http');
pagingContractSuite('http');
