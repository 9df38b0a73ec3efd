/**
 * The client-side validation script of `<cfform>` (our own; Lucee serves a similar one at
 * /lucee/form.cfm). It is written inline once per page before the first form. `CFForm(name,
 * onError)` holds a form's inputs (`addInput(...)`, one call per validated control, written after
 * the form) and `check()` runs on submit: every failed input adds its message; an input's onError
 * function (by name) gets `(form, name, value, message)`, else the form's onError gets the list,
 * else one alert shows them all ("- message" lines when more than one). Submitting is cancelled
 * while any check fails.
 */
import { RULES, requiredMessage } from './validation.js';

function build(): string {
  const patterns: string[] = [];
  const messages: string[] = [];
  for (const r of Object.values(RULES)) {
    if (r.pattern) patterns.push(`${r.name}:/${r.pattern.source}/${r.pattern.flags}`);
    messages.push(`${r.name}:${JSON.stringify(r.message)}`);
  }
  const req = (k: 'text' | 'check' | 'select') => JSON.stringify(requiredMessage(k, '\u0000')).replace('\\u0000', '"+n+"');
  return `(function(w){if(w.CFForm)return;
var P={${patterns.join(',')}},M={${messages.join(',')}};
function luhn(v){var d=v.replace(/[\\s-]/g,'');if(!/^\\d{13,19}$/.test(d))return false;var s=0;for(var i=0;i<d.length;i++){var x=+d.charAt(d.length-1-i);if(i%2)x=x*2>9?x*2-9:x*2;s+=x;}return s%10===0;}
function fill(m,o){return m.replace(/\\{(v|n|min|max|p)\\}/g,function(a,k){return o[k]==null?'':String(o[k]);});}
function fn(name){return name&&typeof w[name]==='function'?w[name]:null;}
function CFForm(name,onError){this.name=name;this.onError=onError;this.inputs=[];}
CFForm.prototype.addInput=function(name,required,kind,validate,pattern,message,onError,onValidate,min,max,maxLength){
this.inputs.push({name:name,required:required,kind:kind,validate:validate,pattern:pattern,message:message,onError:onError,onValidate:onValidate,min:min,max:max,maxLength:maxLength});};
CFForm.prototype.failure=function(f,i){var el=f.elements[i.name];if(!el)return null;var n=i.name;
if(i.kind==='check'){var list=el.length!==undefined&&!el.options?el:[el],on=false;for(var k=0;k<list.length;k++)if(list[k].checked)on=true;
return i.required&&!on?(i.message||${req('check')}):null;}
if(i.kind==='select'){var sel=false;for(var k=0;k<el.options.length;k++)if(el.options[k].selected&&el.options[k].value!=='')sel=true;
return i.required&&!sel?(i.message||${req('select')}):null;}
if(el.length!==undefined&&!el.options&&el[0])el=el[0];
var v=String(el.value==null?'':el.value),t=v.replace(/^\\s+|\\s+$/g,'');
if(t===''){return i.required?(i.message||${req('text')}):null;}
var o={v:v,n:n,min:i.min==null?'':i.min,max:i.max==null?'':i.max,p:i.pattern},ok=true,r=i.validate;
if(r==='maxlength'||i.maxLength!=null&&i.maxLength>=0&&v.length>i.maxLength){if(i.maxLength!=null&&i.maxLength>=0&&v.length>i.maxLength){ok=false;r='maxlength';}}
if(ok&&r==='regex'&&i.pattern){try{ok=new RegExp(i.pattern).test(v);}catch(e){ok=false;}}
else if(ok&&r==='creditcard')ok=luhn(v);
else if(ok&&r==='noblanks')ok=t!=='';
else if(ok&&r&&P[r])ok=P[r].test(t);
if(ok&&(i.min!=null||i.max!=null)&&(r==='range'||r==='integer'||r==='float')){var x=Number(t);if(isNaN(x)||i.min!=null&&x<i.min||i.max!=null&&x>i.max){ok=false;r='range';}}
if(ok&&fn(i.onValidate))ok=!!fn(i.onValidate)(f,el,v);
return ok?null:(i.message||fill(M[r]||"value ({v}) of field {n} has an invalid value",o));};
CFForm.prototype.check=function(){var f=document.forms[this.name],errors=[];if(!f)return true;
for(var k=0;k<this.inputs.length;k++){var i=this.inputs[k],m=this.failure(f,i);if(m===null)continue;
var h=fn(i.onError),el=f.elements[i.name],v=el&&el.value!=null?el.value:'';if(h)h(f,i.name,v,m);else errors.push({form:f,name:i.name,value:v,error:m});}
if(!errors.length)return !this.inputs.some(function(i){return this.failure(f,i)!==null;},this);
var g=fn(this.onError);if(g)g(errors);else if(errors.length===1)w.alert(errors[0].error);
else{var s='';for(var k=0;k<errors.length;k++)s+='- '+errors[k].error+'\\n';w.alert(s);}return false;};
w.CFForm=CFForm;})(window);`;
}

/** The script text (built once). */
export const CLIENT_SCRIPT = build();
