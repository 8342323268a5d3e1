import { boardContractSuite } from './board.suite';

// Its own file (not in-process.test.ts / http.test.ts) so branches adding suites do not collide.
boardContractSuite('in-process');
boardContractSuite('http');
