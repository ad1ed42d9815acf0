// The server's contracts, as types only (erased at build): the web reads the same request and
// response shapes the API declares instead of copying them (issue 16 item 2). Add a line per
// contract a page uses; never import values from the server here.
export type { HomeCard, HomeFigure, HomeTask, HomeView } from '../../src/core/home/home.contract';
