import 'ol/ol.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';

new Map({ target: 'map', view: new View({ center: [0, 0], zoom: 2 }) });
