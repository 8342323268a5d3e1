import { catalogContractSuite } from './catalog.suite';
import { csvContractSuite } from './csv.suite';

catalogContractSuite('in-process');
csvContractSuite('in-process');
