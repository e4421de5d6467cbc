// Plugins and style sheets without their own type declarations.
declare module 'cytoscape-fcose';
declare module 'cytoscape-svg';
declare module '*.css';
