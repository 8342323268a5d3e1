import { phonesContractSuite } from './phones.suite';

// Its own file (not in-process.test.ts / http.test.ts) so branches adding suites do not collide.
phonesContractSuite('in-process');
phonesContractSuite('http');
