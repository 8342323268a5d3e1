import { catalogContractSuite } from './catalog.suite';
import { csvContractSuite } from './csv.suite';

catalogContractSuite('http');
csvContractSuite('http');
