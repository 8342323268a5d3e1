import { catalogContractSuite } from './catalog.suite';
import { csvContractSuite } from './csv.suite';
import { ordersContractSuite } from './orders.suite';
import { promotionsContractSuite } from './promotions.suite';
import { inboxContractSuite } from './inbox.suite';
import { deliveriesContractSuite } from './deliveries.suite';
import { ordersTrustContractSuite } from './orders-trust.suite';
import { pagingContractSuite } from './paging.suite';

catalogContractSuite('in-process');
csvContractSuite('in-process');
ordersContractSuite('in-process');
promotionsContractSuite('in-process');
inboxContractSuite('in-process');
deliveriesContractSuite('in-process');
ordersTrustContractSuite('in-process');
pagingContractSuite('in-process');
