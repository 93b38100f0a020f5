import 'uplot/dist/uPlot.min.css';
import './styles.css';
import './components/dash-app.js';
