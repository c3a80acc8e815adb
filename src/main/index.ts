// The desktop app's entry: everything it does lives in the Electron shell (src/main/shell).
import './shell/app';
