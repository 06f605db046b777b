// spa.js is a browser module with side effects only (it renders the SPA when imported).
export {};
